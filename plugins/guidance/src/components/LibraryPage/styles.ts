import { makeStyles } from '@material-ui/core/styles';

/** The library page's layout, category navigation and tag filter. */
export const useLibraryStyles = makeStyles(theme => ({
  search: {
    maxWidth: 760,
    marginBottom: theme.spacing(4),
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    columnGap: theme.spacing(4),
    alignItems: 'start',
    [theme.breakpoints.down('sm')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      rowGap: theme.spacing(3),
    },
  },
  heading: {
    ...theme.typography.overline,
    color: theme.palette.text.secondary,
    margin: theme.spacing(0, 0, 1, 1),
  },
  categoryList: { listStyle: 'none', margin: 0, padding: 0 },
  category: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: theme.spacing(0.75, 1),
    borderRadius: theme.shape.borderRadius,
    color: theme.palette.text.primary,
    textDecoration: 'none',
    fontSize: '0.9rem',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  categorySelected: {
    color: theme.palette.primary.main,
    backgroundColor: theme.palette.action.selected,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  count: {
    color: theme.palette.text.secondary,
    fontVariantNumeric: 'tabular-nums',
  },
  tags: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
  },
  summaryLine: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));
