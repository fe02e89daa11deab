// js-yaml 4 ships no types, and @types/js-yaml (4.0.9) lacks what csr uses of 4.3.2 (`types`,
// `maxDepth`): the part of its interface that csr calls, as lib/loader.js, lib/schema.js and
// lib/type.js of 4.3.2 define it.
declare module "js-yaml" {
  export class Type {
    constructor(tag: string, options: { kind: "scalar" | "sequence" | "mapping"; resolve?: (data: string | null) => boolean; construct?: (data: string) => unknown });
  }
  export class Schema {
    extend(definition: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }
  export const FAILSAFE_SCHEMA: Schema;
  export const types: { null: Type; bool: Type };
  export interface LoadOptions {
    schema?: Schema;
    /** Nesting of collections beyond which load throws (default 100). */
    maxDepth?: number;
    /** Called where the text is read despite a problem (deficient indentation, an unknown directive…). */
    onWarning?: (warning: Error) => void;
    /**
     * Called as each node is opened and closed, with the loader's state; of it csr reads only
     * `anchorMap`, the anchors of the document read so far (an object without prototype).
     */
    listener?: (event: "open" | "close", state: { anchorMap: object }) => void;
  }
  /** The one document of `text`; throws a YAMLException on any error, duplicate keys included. */
  export function load(text: string, options?: LoadOptions): unknown;
}
