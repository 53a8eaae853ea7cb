import { Link } from '@backstage/core-components';
import { sourceFileUrl } from './sourceLinks';

/**
 * `deploy/app.yaml:15:11`: a link to that line in the source repository when the location is
 * one (GitHub, GitLab), plain text otherwise.
 */
export function SourcePlace(props: {
  file: string;
  line?: number;
  column?: number;
  location?: string;
  revision?: string;
}) {
  const { file, line, column, location, revision } = props;
  let text = file;
  if (line !== undefined) {
    text = `${file}:${line}${column !== undefined ? `:${column}` : ''}`;
  }
  const href = sourceFileUrl(location, file, line, revision);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}
