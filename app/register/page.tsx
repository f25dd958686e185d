import { Term } from "../components/glossary/term";
import { RegisterForm } from "./register-form";

export const metadata = { title: "Register — AuthLab" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create an account</h1>
      <p className="mb-4 text-sm text-slate-600">Passwords are 8 to 128 characters, and the server keeps only a <Term id="password-hash">slow, salted fingerprint</Term> of each (argon2id).</p>
      <RegisterForm />
    </div>
  );
}
