import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Every database access goes through lib/stores (counted on the trace, bounded, 503 when the
    // database is away): only the stores, the database layer itself, scripts and tests may hold the client.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/stores/**", "lib/db/**", "scripts/**", "test/**", "e2e/**", "prisma/**", "**/*.test.ts", "**/*.contract.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/client", "**/db/hot-reads", "**/generated/prisma-*", "@prisma/client", "@prisma/client/*"],
              message: "Reach the database through a store in lib/stores (lib/stores/registry.ts), not the Prisma client.",
            },
          ],
        },
      ],
    },
  },
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tmp/**"] },
];

export default config;
