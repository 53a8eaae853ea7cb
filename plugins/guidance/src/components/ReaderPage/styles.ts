import { makeStyles } from '@material-ui/core/styles';

/** The reader's layout: navigation, article and table of contents, and its sections. */
export const useReaderStyles = makeStyles(theme => ({
  layout: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(200px, 250px) minmax(0, 1fr) minmax(180px, 230px)',
    gridTemplateAreas: "'nav article toc'",
    columnGap: theme.spacing(4),
    alignItems: 'start',
    [theme.breakpoints.down('md')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateAreas: "'article' 'nav'",
      rowGap: theme.spacing(4),
    },
  },
  nav: {
    gridArea: 'nav',
    position: 'sticky',
    top: theme.spacing(2),
    maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
    overflowY: 'auto',
    [theme.breakpoints.down('md')]: { position: 'static', maxHeight: 'none' },
  },
  toc: {
    gridArea: 'toc',
    position: 'sticky',
    top: theme.spacing(2),
    maxHeight: `calc(100vh - ${theme.spacing(4)}px)`,
    overflowY: 'auto',
    [theme.breakpoints.down('md')]: { display: 'none' },
  },
  article: {
    gridArea: 'article',
    minWidth: 0,
    maxWidth: 880,
    width: '100%',
    justifySelf: 'center',
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(3),
    color: theme.palette.text.secondary,
  },
  section: {
    marginTop: theme.spacing(6),
    paddingTop: theme.spacing(3),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  sectionTitle: {
    marginBottom: theme.spacing(2),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  relatedItem: {
    marginBottom: theme.spacing(2),
  },
  entityItem: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));
