import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  LinkButton,
  MarkdownContent,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  parseTemplateOrigin,
  TEMPLATE_ORIGIN_ANNOTATION,
  TemplateChangelogEntry,
} from '@paved-road/plugin-guidance-common';

/** The template that upgrades a service to its golden path's current version. */
export const UPGRADE_TEMPLATE_PATH =
  '/create/templates/default/golden-path-upgrade';

type TemplateVersions = {
  templateRef: string;
  title?: string;
  version?: number;
  changelog: TemplateChangelogEntry[];
};

const useStyles = makeStyles(theme => ({
  entry: {
    padding: theme.spacing(1, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  actions: { marginTop: theme.spacing(2) },
}));

/** Link to the upgrade template with the entity already picked. */
export function upgradeLink(entityRef: string): string {
  return `${UPGRADE_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify({ entityRef }),
  )}`;
}

function TemplateDriftBody(props: {
  entityRef: string;
  template: string;
  version: number;
}) {
  const { entityRef, template, version } = props;
  const classes = useStyles();
  const discoveryApi = useApi(discoveryApiRef);
  const { fetch } = useApi(fetchApiRef);
  const { value, loading, error } = useAsync(async () => {
    // served by the scaffolder module of the golden paths, under the scaffolder's base URL
    const base = await discoveryApi.getBaseUrl('scaffolder');
    const response = await fetch(
      `${base}/guidance/templates/${encodeURIComponent(
        template,
      )}/versions?since=${version}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as TemplateVersions;
  }, [discoveryApi, fetch, template, version]);

  if (loading) return <Progress />;
  if (error) {
    return (
      <WarningPanel
        severity="info"
        title={`Created from ${template} v${version}; its current version is unknown`}
        message={error.message}
      />
    );
  }
  const current = value?.version;
  if (current === undefined || current <= version) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="template-drift"
      >
        Created from {template} v{version}
        {current === version ? ' — the current version.' : '.'}
      </Typography>
    );
  }
  return (
    <InfoCard
      title={`Created from ${template} v${version} — v${current} is available`}
      subheader="What changed since, newest first"
    >
      <div data-testid="template-drift">
        {value!.changelog.map(entry => (
          <div key={entry.version} className={classes.entry}>
            <Typography variant="subtitle2">
              v{entry.version}
              {entry.date ? ` — ${entry.date}` : ''}
            </Typography>
            <MarkdownContent content={entry.body} />
          </div>
        ))}
        <div className={classes.actions}>
          <LinkButton
            variant="contained"
            color="primary"
            to={upgradeLink(entityRef)}
          >
            Upgrade
          </LinkButton>{' '}
          <Typography variant="caption" color="textSecondary">
            Creates a branch paved-road/upgrade-v{current}: your changes stay,
            conflicts are marked and listed.
          </Typography>
        </div>
      </div>
    </InfoCard>
  );
}

/**
 * For an entity created from a versioned golden path: which version, and when the template
 * moved on, what changed since and a button to upgrade. Renders nothing for other entities.
 */
export function TemplateDrift() {
  const { entity } = useEntity();
  const origin = parseTemplateOrigin(
    entity.metadata.annotations?.[TEMPLATE_ORIGIN_ANNOTATION],
  );
  if (!origin) return null;
  return (
    <Grid item xs={12}>
      <TemplateDriftBody
        entityRef={stringifyEntityRef(entity)}
        template={origin.template}
        version={origin.version}
      />
    </Grid>
  );
}
