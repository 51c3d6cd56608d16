export declare const CHROMIUM_ARGS: readonly string[];
export declare const NO_BROWSER_MESSAGE: string;
export declare function findChromium(
  env?: NodeJS.ProcessEnv,
): { executablePath: string; source: string } | { executablePath: null; source: null; error: string };
export declare function resolveChromium(env?: NodeJS.ProcessEnv): string;
export declare function chromiumLaunchOptions(env?: NodeJS.ProcessEnv): {
  executablePath: string;
  args: string[];
};
