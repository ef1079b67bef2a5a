// Starts a three-node MariaDB Galera cluster on loopback for a developer, prints each node's
// URL and waits; Ctrl-C stops the nodes and removes their data.
//   pnpm --filter @master-studio/server galera
// Then run replicas against it, e.g. DATABASE_URL=<node 1 URL> PORT=3001 node dist/main.js
import { startGaleraCluster } from '../test/support/galera-cluster';

async function main(): Promise<void> {
  const cluster = await startGaleraCluster({ log: (s) => console.log(s) });
  await cluster.createDatabase('ms');
  console.log('\nGalera cluster up; database `ms` on every node:');
  for (const n of cluster.nodes) console.log(`  node ${n.index}: ${n.url('ms')}`);
  console.log(`data and logs in ${cluster.dir}; Ctrl-C stops the cluster`);
  const stop = (): void => {
    void cluster.destroy().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
