import fs from 'fs-extra';
import git from 'isomorphic-git';
import {
  ANSWERS_FILE,
  TEMPLATE_BRANCH,
} from '@paved-road/plugin-guidance-common';
import { parseAnswers } from '../actions/recordAnswers';
import { branchOid, tagOid } from './gitTrees';

/**
 * The tag that keeps the pristine render of one template version: the base of the next
 * upgrade once main has taken that version.
 */
export function templateRenderTag(version: number): string {
  return `${TEMPLATE_BRANCH}-v${version}`;
}

async function answersVersionAt(
  dir: string,
  oid: string,
): Promise<number | undefined> {
  try {
    const { blob } = await git.readBlob({
      fs,
      dir,
      oid,
      filepath: ANSWERS_FILE,
    });
    return parseAnswers(Buffer.from(blob).toString('utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The commit holding the pristine render of a version: its tag, else a commit on
 * paved-road/template (or, for repositories without one, main's first commit) whose
 * answers file records that version. Undefined when none is found.
 */
export async function findTemplateRender(
  dir: string,
  version: number,
): Promise<string | undefined> {
  const tagged = await tagOid(dir, templateRenderTag(version));
  if (tagged) return tagged;
  for (const ref of [TEMPLATE_BRANCH, 'main']) {
    if (!(await branchOid(dir, ref))) continue;
    const log = await git.log({ fs, dir, ref });
    // On main only the first commit is a pristine render; later ones carry team edits.
    const candidates = ref === 'main' ? log.slice(-1) : log;
    for (const entry of candidates) {
      if ((await answersVersionAt(dir, entry.oid)) === version) {
        return entry.oid;
      }
    }
  }
  return undefined;
}
