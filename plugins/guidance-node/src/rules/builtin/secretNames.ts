/**
 * Names of variables that hold a credential, in CI configurations and Dockerfiles: `*_TOKEN`,
 * `*_PASSWORD`, `*_SECRET`, `*_KEY`, `AWS_SECRET_ACCESS_KEY`, `NPM_TOKEN`… Broader than the
 * Kubernetes `secret-env` rule's list because build tools name cloud keys `*_KEY` and `*_KEY_ID`.
 */
const SECRET_NAME =
  /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIALS?)|(^|_)KEY$/i;
/** A path to a mounted secret, or a key that is public by definition, holds no secret. */
const NOT_A_SECRET = /(_(FILE|PATH|DIR)$)|PUBLIC/i;

/** Whether a variable's name says it holds a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
}
