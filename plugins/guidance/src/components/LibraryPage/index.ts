export { LibraryPage, tagsByUse } from './LibraryPage';
