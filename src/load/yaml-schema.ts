import { Schema, YAML11_SCHEMA } from 'js-yaml';

const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

/**
 * YAML 1.1 resolution, as the API server parses manifests (sigs.k8s.io/yaml over go-yaml v2):
 * `privileged: yes` is true and `defaultMode: 0644` is 420. Timestamps stay strings, because
 * go-yaml leaves them as strings when the target is untyped, and a Date would not survive JSON.
 */
export const KUBERNETES_YAML_SCHEMA = new Schema(YAML11_SCHEMA.tags.filter(tag => tag.tagName !== TIMESTAMP_TAG));
