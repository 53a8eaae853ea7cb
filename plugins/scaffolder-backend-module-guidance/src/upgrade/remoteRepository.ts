import fs from 'fs-extra';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { InputError } from '@backstage/errors';

/** A repository on a Git host, as the upgrade needs it: cloned, then branches pushed. */
export type RemoteGit = {
  /** Clones every branch into `dir` (no checkout needed). */
  clone(options: { url: string; dir: string; token?: string }): Promise<void>;
  /**
   * Pushes a local ref (`refs/heads/…` or `refs/tags/…`) to the same name on the remote,
   * moving it there if it exists (a retried upgrade re-tags its render).
   */
  push(options: {
    url: string;
    dir: string;
    ref: string;
    token?: string;
  }): Promise<void>;
};

/** The real thing: isomorphic-git over HTTPS with the integration's token. */
export const isomorphicRemoteGit: RemoteGit = {
  async clone({ url, dir, token }) {
    await git.clone({
      fs,
      http,
      dir,
      url,
      noCheckout: true,
      onAuth: () =>
        token ? { username: 'x-access-token', password: token } : {},
    });
  },
  async push({ url, dir, ref, token }) {
    await git.push({
      fs,
      http,
      dir,
      url,
      ref,
      remoteRef: ref,
      force: true,
      onAuth: () =>
        token ? { username: 'x-access-token', password: token } : {},
    });
  },
};

export type GithubRepository = {
  host: string;
  owner: string;
  repo: string;
  cloneUrl: string;
  /** The form publish:github:pull-request takes. */
  repoUrl: string;
};

/** `https://github.com/acme/orders/blob/main/catalog-info.yaml` → acme/orders on github.com. */
export function githubRepositoryOf(
  url: string,
  integrations: ScmIntegrations,
): GithubRepository | undefined {
  if (!integrations.github.byUrl(url)) return undefined;
  const parsed = new URL(url);
  const [owner, repo] = parsed.pathname.split('/').filter(Boolean);
  if (!owner || !repo) {
    throw new InputError(`Cannot tell the repository from ${url}`);
  }
  const name = repo.replace(/\.git$/, '');
  return {
    host: parsed.host,
    owner,
    repo: name,
    cloneUrl: `https://${parsed.host}/${owner}/${name}.git`,
    repoUrl: `${parsed.host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(name)}`,
  };
}

export async function githubToken(
  integrations: ScmIntegrations,
  url: string,
): Promise<string | undefined> {
  const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ).getCredentials({ url });
  return token;
}

/** After a clone, makes local branches of the remote ones the upgrade reads. */
export async function trackRemoteBranches(dir: string, branches: string[]) {
  for (const branch of branches) {
    try {
      const oid = await git.resolveRef({
        fs,
        dir,
        ref: `refs/remotes/origin/${branch}`,
      });
      await git.writeRef({
        fs,
        dir,
        ref: `refs/heads/${branch}`,
        value: oid,
        force: true,
      });
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') throw error;
    }
  }
}
