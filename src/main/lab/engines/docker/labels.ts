/**
 * Docker labels that mark what Twinlab created. Only objects carrying `io.twinlab.managed=true`
 * are ever changed or removed (DESIGN.md habit 4); everything else is the user's.
 */
export const LABEL_MANAGED = 'io.twinlab.managed';
export const LABEL_TEMPLATE = 'io.twinlab.template';
export const LABEL_TWIN = 'io.twinlab.twin';
export const LABEL_CREATED = 'io.twinlab.created';

/** The `label` filter value for Docker list and events calls. */
export const MANAGED_FILTER = `${LABEL_MANAGED}=true`;

/**
 * Images get their own keys: every container inherits its image's labels, so an image carrying
 * io.twinlab.managed=true would make a user's own `docker run` of it look like Twinlab's, and
 * the guard would then let Twinlab remove the user's container.
 */
export const LABEL_IMAGE_MANAGED = 'io.twinlab.image.managed';
export const LABEL_IMAGE_TEMPLATE = 'io.twinlab.image.template';
export const LABEL_IMAGE_CREATED = 'io.twinlab.image.created';

export type Labels = Readonly<Record<string, string>>;

export interface TwinlabLabelInput {
  templateId: string;
  twinId?: string | undefined;
  /** ISO time; passed in so that mappers stay pure. */
  createdAt: string;
}

export function twinlabLabels({ templateId, twinId, createdAt }: TwinlabLabelInput): Record<string, string> {
  return {
    [LABEL_MANAGED]: 'true',
    [LABEL_TEMPLATE]: templateId,
    ...(twinId !== undefined && { [LABEL_TWIN]: twinId }),
    [LABEL_CREATED]: createdAt,
  };
}

export function isTwinlabManaged(labels: Labels | null | undefined): boolean {
  return labels?.[LABEL_MANAGED] === 'true';
}

export function twinlabImageLabels({
  templateId,
  createdAt,
}: Omit<TwinlabLabelInput, 'twinId'>): Record<string, string> {
  return {
    [LABEL_IMAGE_MANAGED]: 'true',
    [LABEL_IMAGE_TEMPLATE]: templateId,
    [LABEL_IMAGE_CREATED]: createdAt,
  };
}

export function isTwinlabImage(labels: Labels | null | undefined): boolean {
  return labels?.[LABEL_IMAGE_MANAGED] === 'true';
}

/** Dockerfile-style LABEL instructions for `docker import --change` and `docker commit --change`. */
export function labelChanges(labels: Labels): string[] {
  return Object.entries(labels).map(([key, value]) => `LABEL ${key}=${JSON.stringify(value)}`);
}
