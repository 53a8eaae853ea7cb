export { GuidanceSearchResultListItem } from './GuidanceSearchResultListItem';
export type {
  GuidanceSearchDocument,
  GuidanceSearchResultListItemProps,
} from './GuidanceSearchResultListItem';
