import {
  goShutdownDefaults,
  nodeShutdownDefaults,
  shutdownBudget,
} from './shutdownBudget';

const deployment = (grace: number | undefined, preStop?: number) => ({
  spec: {
    template: {
      spec: {
        terminationGracePeriodSeconds: grace,
        containers: [
          preStop === undefined
            ? { name: 'app' }
            : {
                name: 'app',
                lifecycle: { preStop: { sleep: { seconds: preStop } } },
              },
        ],
      },
    },
  },
});

describe('shutdownBudget', () => {
  it('adds preStop, drain and timeout and compares them with the grace period', () => {
    expect(
      shutdownBudget(deployment(35, 5), { drain: 5, timeout: 20 }),
    ).toEqual({
      preStop: 5,
      needed: 30,
      grace: 35,
    });
  });

  it('sees that a 30 s grace period cannot hold 5 + 5 + 20 s', () => {
    const { needed, grace } = shutdownBudget(deployment(30, 5), {
      drain: 5,
      timeout: 20,
    });
    expect(needed).toBeGreaterThanOrEqual(grace);
  });

  it('uses the Kubernetes default of 30 s when the grace period is not set', () => {
    expect(
      shutdownBudget(deployment(undefined), { drain: 0, timeout: 10 }).grace,
    ).toBe(30);
  });

  it('reads the defaults from the service source and refuses source without them', () => {
    expect(
      goShutdownDefaults(
        'getDuration("SHUTDOWN_DRAIN", 5*time.Second)\ngetDuration("SHUTDOWN_TIMEOUT", 20*time.Second)',
      ),
    ).toEqual({ drain: 5, timeout: 20 });
    expect(
      nodeShutdownDefaults(
        'Number(process.env.SHUTDOWN_DRAIN_MS ?? 5000);\nNumber(process.env.SHUTDOWN_TIMEOUT_MS ?? 20000);',
      ),
    ).toEqual({ drain: 5, timeout: 20 });
    expect(() => goShutdownDefaults('func main() {}')).toThrow(
      /no default for SHUTDOWN_DRAIN/,
    );
  });
});
