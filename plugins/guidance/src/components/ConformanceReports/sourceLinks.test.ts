import { sourceFileUrl } from './sourceLinks';

describe('sourceFileUrl', () => {
  it('links a file at a line in a GitHub repository, under the location folder', () => {
    expect(
      sourceFileUrl(
        'url:https://github.com/acme/orders/tree/main/services/orders/',
        'deploy/app.yaml',
        15,
      ),
    ).toBe(
      'https://github.com/acme/orders/blob/main/services/orders/deploy/app.yaml#L15',
    );
    // a location that names its catalog-info.yaml: the file's folder
    expect(
      sourceFileUrl(
        'https://github.com/acme/orders/blob/main/catalog-info.yaml',
        'k8s/a.yaml',
      ),
    ).toBe('https://github.com/acme/orders/blob/main/k8s/a.yaml');
  });

  it('links GitLab with its /-/blob/ paths, and a pull request at its commit', () => {
    expect(
      sourceFileUrl(
        'url:https://gitlab.example.com/team/orders/-/tree/develop/',
        'deploy/app.yaml',
        3,
        'abc1234',
      ),
    ).toBe(
      'https://gitlab.example.com/team/orders/-/blob/abc1234/deploy/app.yaml#L3',
    );
  });

  it('gives no link for local folders, other hosts, and paths that leave the folder', () => {
    expect(sourceFileUrl('file:/srv/repos/orders/', 'a.yaml', 1)).toBe(
      undefined,
    );
    expect(
      sourceFileUrl('url:https://example.com/orders.tar.gz', 'a.yaml', 1),
    ).toBe(undefined);
    expect(
      sourceFileUrl(
        'url:https://github.com/acme/orders/tree/main/',
        '../secrets.yaml',
      ),
    ).toBe(undefined);
    expect(sourceFileUrl(undefined, 'a.yaml')).toBe(undefined);
  });
});
