import { RegisterForm } from "./register-form";

export const metadata = { title: "Register — AuthLab" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create an account</h1>
      <p className="mb-4 text-sm text-slate-600">Passwords are 8 to 128 characters and are stored only as an argon2id hash.</p>
      <RegisterForm />
    </div>
  );
}
