import { Link as RouterLink } from 'react-router-dom';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  Article,
  categoryTitle,
  safeUrl,
} from '@paved-road/plugin-guidance-common';
import { rootRouteRef } from '../../routes';
import { useReaderStyles } from './styles';

/** Category, tags, reading time, last update and the edit link, above the article. */
export function ArticleMeta(props: { article: Article }) {
  const { article } = props;
  const classes = useReaderStyles();
  const libraryLink = useRouteRef(rootRouteRef);
  const editUrl = safeUrl(article.editUrl);
  return (
    <div className={classes.meta}>
      <Chip
        size="small"
        color="primary"
        label={categoryTitle(article.category)}
        component={RouterLink}
        to={`${libraryLink()}?category=${encodeURIComponent(article.category)}`}
        clickable
        role="link"
      />
      {article.tags.map(tag => (
        <Chip
          key={tag}
          size="small"
          variant="outlined"
          label={tag}
          component={RouterLink}
          to={`${libraryLink()}?tag=${encodeURIComponent(tag)}`}
          clickable
          role="link"
        />
      ))}
      <Typography variant="body2" component="span">
        {article.readingTimeMinutes} min read · updated{' '}
        <time dateTime={article.updated}>{article.updated}</time>
      </Typography>
      {editUrl && (
        <Link to={editUrl} variant="body2">
          Edit this article
        </Link>
      )}
    </div>
  );
}
