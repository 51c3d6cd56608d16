/** What a form action returns to `useActionState`: never a stack trace, always the values back. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted text values, so a refused form keeps what the person typed. */
  values?: Record<string, string>;
}

export const initialFormState: FormState = {};
