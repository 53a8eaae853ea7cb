import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { guidanceApiRef } from '../../api/GuidanceApi';
import { RuleArticleLink } from '../EntityConformance';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(4),
    paddingTop: theme.spacing(2),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  list: { margin: theme.spacing(1, 0, 2), paddingLeft: theme.spacing(2.5) },
  failing: { color: theme.palette.text.secondary },
}));

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** "12 services follow it, 3 don't" */
export function followSentence(follow: number, dont: number): string {
  return `${plural(follow, 'service follows', 'services follow')} it, ${dont} ${
    dont === 1 ? "doesn't" : "don't"
  }`;
}

/**
 * Under an article: the rules it backs and which services follow them. Renders nothing
 * for an article that backs no rule, so the reader stays as it was.
 */
export function ArticleConformance(props: { articleId: string }) {
  const { articleId } = props;
  const classes = useStyles();
  const api = useApi(guidanceApiRef);
  const { value, loading, error } = useAsync(
    () => api.getArticleConformance(articleId),
    [api, articleId],
  );

  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="error" className={classes.section}>
        Could not load which services follow this article: {error.message}
      </Typography>
    );
  }
  if (!value || value.rules.length === 0) return null;
  const failing = value.entities.filter(e => e.status === 'fail');
  const following = value.entities.filter(e => e.status === 'pass');
  const titles = new Map(value.rules.map(r => [r.id, r.title]));

  return (
    <section
      className={classes.section}
      aria-labelledby="guidance-article-conformance"
    >
      <Typography variant="h5" component="h2" id="guidance-article-conformance">
        Rules this article backs
      </Typography>
      <ul className={classes.list}>
        {value.rules.map(rule => (
          <li key={rule.id}>
            <Typography variant="body2" component="span">
              {rule.title}
            </Typography>{' '}
            <Typography variant="caption" color="textSecondary">
              ({rule.severity}; <RuleArticleLink rule={rule} />)
            </Typography>
          </li>
        ))}
      </ul>
      <Typography
        variant="h6"
        component="p"
        data-testid="article-conformance-count"
      >
        {followSentence(following.length, failing.length)}
      </Typography>
      {failing.length > 0 && (
        <ul className={classes.list} aria-label="Services that don't follow it">
          {failing.map(e => (
            <li key={e.entityRef}>
              <EntityRefLink entityRef={e.entityRef} />{' '}
              <span className={classes.failing}>
                fails {e.failing.map(id => titles.get(id) ?? id).join('; ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {following.length > 0 && (
        <ul className={classes.list} aria-label="Services that follow it">
          {following.map(e => (
            <li key={e.entityRef}>
              <EntityRefLink entityRef={e.entityRef} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
