/**
 * The kubelet counts `terminationGracePeriodSeconds` from the start of termination, preStop
 * included, so a pod shuts down cleanly only when
 * preStop + the application's drain + its shutdown timeout < grace period.
 */
export function shutdownBudget(
  deployment: any,
  appSeconds: { drain: number; timeout: number },
) {
  const pod = deployment.spec.template.spec;
  const preStop = pod.containers[0].lifecycle?.preStop?.sleep?.seconds ?? 0;
  const needed = preStop + appSeconds.drain + appSeconds.timeout;
  return { preStop, needed, grace: pod.terminationGracePeriodSeconds ?? 30 };
}

/** The defaults the generated service applies, read from its own source. */
export function goShutdownDefaults(mainGo: string) {
  const seconds = (name: string) => {
    const match = mainGo.match(
      new RegExp(`"${name}",\\s*(\\d+)\\s*\\*\\s*time\\.Second`),
    );
    if (!match) throw new Error(`main.go has no default for ${name}`);
    return Number(match[1]);
  };
  return {
    drain: seconds('SHUTDOWN_DRAIN'),
    timeout: seconds('SHUTDOWN_TIMEOUT'),
  };
}

export function nodeShutdownDefaults(mainTs: string) {
  const seconds = (name: string) => {
    const match = mainTs.match(
      new RegExp(`process\\.env\\.${name}\\s*\\?\\?\\s*(\\d+)`),
    );
    if (!match) throw new Error(`main.ts has no default for ${name}`);
    return Number(match[1]) / 1000;
  };
  return {
    drain: seconds('SHUTDOWN_DRAIN_MS'),
    timeout: seconds('SHUTDOWN_TIMEOUT_MS'),
  };
}
