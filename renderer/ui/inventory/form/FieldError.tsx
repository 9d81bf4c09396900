import { Icon } from '../../components/Icon';

/** A validation message beside its field; its id is what the field's aria-describedby names. */
export function FieldError({
  id,
  message,
}: {
  readonly id: string;
  readonly message: string | undefined;
}) {
  if (message === undefined) return null;
  return (
    <p id={id} className="field__error">
      <Icon name="alertOctagon" className="field__error-icon" />
      <span>{message}</span>
    </p>
  );
}
