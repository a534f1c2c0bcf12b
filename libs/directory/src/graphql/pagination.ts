export {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  MAX_PAGE,
  type Page,
  PageInfo,
  paginate,
} from '#platform';
