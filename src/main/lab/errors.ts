import { ApiError, type ErrorCode, type ErrorParams } from '@shared/errors';

/** One sentence a user can be shown: the API error code and the English text with `{{param}}` placeholders. */
export interface ErrorEntry {
  readonly code: ErrorCode;
  readonly text: string;
}

/** "a {{x}} b {{y}}" → "x" | "y": the parameters a sentence needs, read from the sentence itself. */
export type ParamNames<Text extends string> = Text extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** Exactly the parameters of the sentence; nothing at all for a sentence without placeholders. */
export type ParamsArg<Text extends string> = [ParamNames<Text>] extends [never]
  ? []
  : [params: Record<ParamNames<Text>, string | number>];

/** For an error whose API code depends on the engine's answer, and for keeping the engine's own error. */
export interface ErrorOptions {
  code?: ErrorCode;
  cause?: unknown;
}

export interface ErrorDomain<Prefix extends string, Catalog extends Record<string, ErrorEntry>> {
  readonly prefix: Prefix;
  readonly catalog: Catalog;
  /** The i18n key of a sentence: `<prefix>.<name>`. */
  key<Name extends keyof Catalog & string>(name: Name): `${Prefix}.${Name}`;
  /** The key and English sentence, for results that carry an error without throwing. */
  message<Name extends keyof Catalog & string>(
    name: Name,
    ...params: ParamsArg<Catalog[Name]['text']>
  ): { key: `${Prefix}.${Name}`; message: string };
  error<Name extends keyof Catalog & string>(
    name: Name,
    ...params: ParamsArg<Catalog[Name]['text']>
  ): ApiError;
  /** Like error(), with a code other than the catalog's or the failure it stands for. */
  errorWith<Name extends keyof Catalog & string>(
    options: ErrorOptions,
    name: Name,
    ...params: ParamsArg<Catalog[Name]['text']>
  ): ApiError;
  /** The English catalog under its i18n keys, as the renderer's locale files must hold it. */
  english(): Record<`${Prefix}.${keyof Catalog & string}`, string>;
}

/** Fills `{{name}}` placeholders; one the parameters do not give stays as it is, so a gap shows. */
export function interpolate(text: string, params: ErrorParams): string {
  return text.replace(/\{\{(\w+)\}\}/g, (all, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : all,
  );
}

/**
 * One domain's errors: every sentence it can show, keyed `<prefix>.<name>` in the i18n catalogs
 * (en.json holds the same English text; each domain's unit test keeps them equal). The parameters
 * of each call are checked against the placeholders of its sentence at compile time, and the
 * ApiError carries the key, the English message and the parameters the renderer translates with.
 */
export function defineErrors<const Prefix extends string, const Catalog extends Record<string, ErrorEntry>>(
  prefix: Prefix,
  catalog: Catalog,
): ErrorDomain<Prefix, Catalog> {
  type Name = keyof Catalog & string;
  const key = <N extends Name>(name: N) => `${prefix}.${name}` as const;
  const build = (options: ErrorOptions, name: Name, params: ErrorParams | undefined): ApiError => {
    const entry = catalog[name];
    if (!entry) throw new Error(`${prefix} has no error "${name}"`);
    const error = new ApiError(
      options.code ?? entry.code,
      key(name),
      interpolate(entry.text, params ?? {}),
      params && { ...params },
    );
    return options.cause === undefined ? error : Object.assign(error, { cause: options.cause });
  };
  return {
    prefix,
    catalog,
    key,
    message: (name, ...[params]) => ({
      key: key(name),
      message: interpolate(catalog[name]?.text ?? '', params ?? {}),
    }),
    error: (name, ...[params]) => build({}, name, params),
    errorWith: (options, name, ...[params]) => build(options, name, params),
    english: () =>
      Object.fromEntries(Object.entries(catalog).map(([name, entry]) => [key(name), entry.text])) as Record<
        `${Prefix}.${Name}`,
        string
      >,
  };
}
