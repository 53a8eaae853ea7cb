import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Article } from '@paved-road/plugin-guidance-common';
import { articleRouteRef } from '../../routes';
import { useReaderStyles } from './styles';

/** The articles the front matter names as related. */
export function RelatedArticles(props: { article: Article }) {
  const classes = useReaderStyles();
  const articleLink = useRouteRef(articleRouteRef);
  if (props.article.related.length === 0) {
    return null;
  }
  return (
    <section className={classes.section} aria-labelledby="guidance-related">
      <Typography
        variant="h5"
        component="h2"
        id="guidance-related"
        className={classes.sectionTitle}
      >
        Related articles
      </Typography>
      <ul className={classes.list}>
        {props.article.related.map(related => (
          <li key={related.id} className={classes.relatedItem}>
            <Link to={articleLink({ id: related.id })}>{related.title}</Link>
            <Typography variant="body2" color="textSecondary">
              {related.summary}
            </Typography>
          </li>
        ))}
      </ul>
    </section>
  );
}
