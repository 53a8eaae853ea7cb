import { Link as RouterLink } from 'react-router-dom';
import Typography from '@material-ui/core/Typography';
import { CategoryCount } from '@paved-road/plugin-guidance-common';
import { useLibraryStyles } from './styles';

function withParam(
  params: URLSearchParams,
  key: string,
  value: string | undefined,
) {
  const next = new URLSearchParams(params);
  if (value) {
    next.set(key, value);
  } else {
    next.delete(key);
  }
  const qs = next.toString();
  return qs ? `?${qs}` : '?';
}

/** The categories with their counts; links keep the other filters. */
export function CategoryNav(props: {
  categories: CategoryCount[];
  total: number;
  selected?: string;
  params: URLSearchParams;
}) {
  const { categories, total, selected, params } = props;
  const classes = useLibraryStyles();
  const entries = [
    { id: undefined, title: 'All guidance', count: total },
    ...categories.filter(c => c.count > 0 || c.id === selected),
  ];
  return (
    <nav aria-label="Categories">
      <Typography component="h2" className={classes.heading}>
        Categories
      </Typography>
      <ul className={classes.categoryList}>
        {entries.map(entry => {
          const isSelected = entry.id === selected;
          return (
            <li key={entry.id ?? 'all'}>
              <RouterLink
                to={withParam(params, 'category', entry.id)}
                className={`${classes.category} ${
                  isSelected ? classes.categorySelected : ''
                }`}
                aria-current={isSelected ? 'true' : undefined}
              >
                <span>{entry.title}</span>
                <span
                  className={classes.count}
                  aria-label={`${entry.count} articles`}
                >
                  {entry.count}
                </span>
              </RouterLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
