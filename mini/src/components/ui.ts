/**
 * The NutUI React Taro components the app uses, each with its own stylesheet
 * (importing the whole library's CSS would put 230 KB into the main package).
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css.js';
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css.js';

export { Empty } from './Empty';
export {
  Button,
  Cell,
  CellGroup,
  Progress,
  Tag,
  Loading,
  Skeleton,
  Tabs,
  TabPane,
  Input,
  TextArea,
  NoticeBar,
  Badge,
} from '@nutui/nutui-react-taro';
