import useAsync from 'react-use/esm/useAsync';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ArticleEntityLink,
  GUIDANCE_ANNOTATION,
} from '@paved-road/plugin-guidance-common';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { useReaderStyles } from './styles';

/** The catalog entities whose annotation names this article; loads beside the article. */
export function FollowedBy(props: { articleId: string }) {
  const { articleId } = props;
  const api = useApi(guidanceApiRef);
  const entityLink = useRouteRef(entityRouteRef);
  const classes = useReaderStyles();
  const { value, loading, error } = useAsync(
    () => api.getArticleEntities(articleId),
    [api, articleId],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <ResponseErrorPanel
        error={error}
        title="Could not load the entities that follow this article"
      />
    );
  } else if (!value?.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No catalog entity follows this article yet. To link one, add{' '}
        <code>
          {GUIDANCE_ANNOTATION}: {articleId}
        </code>{' '}
        to its annotations.
      </Typography>
    );
  } else {
    body = (
      <ul className={classes.list}>
        {value.map((link: ArticleEntityLink) => {
          const ref = parseEntityRef(link.entityRef);
          return (
            <li key={link.entityRef} className={classes.entityItem}>
              <Chip size="small" label={link.kind} variant="outlined" />
              <Link
                to={entityLink({
                  kind: ref.kind.toLocaleLowerCase('en-US'),
                  namespace: ref.namespace.toLocaleLowerCase('en-US'),
                  name: ref.name,
                })}
              >
                {link.title ?? ref.name}
              </Link>
              {link.title && (
                <Typography variant="caption" color="textSecondary">
                  {link.entityRef}
                </Typography>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <section className={classes.section} aria-labelledby="guidance-followed-by">
      <Typography
        variant="h5"
        component="h2"
        id="guidance-followed-by"
        className={classes.sectionTitle}
      >
        Followed by
      </Typography>
      {body}
    </section>
  );
}
