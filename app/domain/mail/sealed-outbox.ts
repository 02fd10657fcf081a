import { openText, sealText, type Keyring } from '../crypto/keyring.ts';

// Outgoing mail is addressed to submitters and may quote their name or text:
// the address, the template's props and any rendered body are sealed at rest
// like the contact record (docs/decisions/060-encryption-at-rest.md). The
// subject carries only the plan and the tracking code and stays readable for
// the staff's mail views.

type Plain = { to: string | null; props: string | null; html: string | null; text: string | null };

export function sealOutboxColumns(keyring: Keyring, mail: Plain) {
  return {
    toAddress: sealText(keyring, mail.to, 'outbox_messages.to_address'),
    props: sealText(keyring, mail.props, 'outbox_messages.props'),
    html: sealText(keyring, mail.html, 'outbox_messages.html'),
    text: sealText(keyring, mail.text, 'outbox_messages.text'),
    keyId: keyring.current.id,
  };
}

type Stored = {
  keyId: string | null;
  toAddress: Buffer | null;
  props: Buffer | null;
  html: Buffer | null;
  text: Buffer | null;
};

export function openOutboxColumns(keyring: Keyring, row: Stored): Plain {
  if (row.keyId === null)
    return {
      to: row.toAddress?.toString('utf8') ?? null,
      props: row.props?.toString('utf8') ?? null,
      html: row.html?.toString('utf8') ?? null,
      text: row.text?.toString('utf8') ?? null,
    };
  return {
    to: openText(keyring, row.toAddress, 'outbox_messages.to_address'),
    props: openText(keyring, row.props, 'outbox_messages.props'),
    html: openText(keyring, row.html, 'outbox_messages.html'),
    text: openText(keyring, row.text, 'outbox_messages.text'),
  };
}
