/** Demo accounts seeded in every lab. Demo only: anyone who reads the README knows them. */
export const DEMO_USERS = [
  { email: "alice@example.com", password: "wonderland-demo", role: "user" },
  { email: "admin@example.com", password: "admin-demo-pass", role: "admin" },
] as const;
