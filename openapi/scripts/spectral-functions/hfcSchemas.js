// Spectral custom function for the project's ruleset (.spectral.yaml).
//
// Walks every schema of an OpenAPI 3.0 document (unresolved, so that each schema is visited once,
// where it is written) and applies one of the schema checks below, chosen by functionOptions.check:
//
//   snake-case        property names are snake_case; the only exception is a key that matches the
//                     x-custom-field-key-pattern documented on the same schema (dynamic keys).
//   inline-object     an object schema with `properties` may only be a component
//                     (components.schemas.<Name>, or a direct allOf member of one); anywhere else it
//                     is an anonymous inline object and must become a component that is $ref'd.
//   body-ref          a request or response body schema (content.<media type>.schema of a request
//                     body or response) is a $ref to a component.
//   dynamic-keys      a schema whose additionalProperties is a schema (typed dynamic keys) documents
//                     those keys: a description, and an x-custom-field-key-pattern that is a valid
//                     regular expression and accepts a c-cf-<id> key such as c-cf-1.
//                     (`additionalProperties: true` only says "open to unknown fields".)
//   extensible-enum   a schema with x-extensible-enum (values the server may extend) is
//                     `type: string` without `enum`, lists its known values as a non-empty array of
//                     unique strings, and names each of them in backticks in its description.
//   closed-enum       a schema with `enum` (other than the `enum: [null]` of a null-only schema)
//                     says why the set cannot grow, in a non-empty x-closed-enum.
//   response-enum     no schema that a response body reaches has a closed `enum`: the server may
//                     add values, so it must be a string with x-extensible-enum.
//   response-open     every object schema with properties that a response body reaches has
//                     `additionalProperties: true` (or a schema): clients must not refuse new fields,
//                     and generators that read a missing keyword as false do refuse them.
//   nullable-items    no array has items that admit null: neither an item schema that admits null
//                     (nullable, or an enum listing null; directly or through $ref) nor a
//                     oneOf/anyOf item alternative that does.
//   documented-default a property or parameter whose description states a default carries it:
//                     `default` on its schema, or its name in x-create-defaults of the object schema
//                     that declares it; and every key of x-create-defaults is a declared property.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const DYNAMIC_KEY_EXTENSION = 'x-custom-field-key-pattern';
const SAMPLE_DYNAMIC_KEY = 'c-cf-1';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Calls visit(schema, path, role) for every schema reachable without following $ref.
// role: 'component' (components.schemas.<Name>), 'component-allOf' (a direct allOf member of a
// component), 'body' (a request/response body schema) or 'nested' (anything else).
// When given, visitParameter(parameter, path) is called for every parameter object written in the
// document (components.parameters, path items and operations; not $refs).
function walkDocument(doc, visit, visitParameter = () => {}) {
  const walkSchema = (schema, path, role) => {
    if (!isObject(schema)) {
      return;
    }
    visit(schema, path, role);
    if (typeof schema.$ref === 'string') {
      return;
    }
    if (isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        walkSchema(property, [...path, 'properties', name], 'nested');
      }
    }
    if (isObject(schema.items)) {
      walkSchema(schema.items, [...path, 'items'], 'nested');
    }
    if (isObject(schema.additionalProperties)) {
      walkSchema(schema.additionalProperties, [...path, 'additionalProperties'], 'nested');
    }
    if (isObject(schema.not)) {
      walkSchema(schema.not, [...path, 'not'], 'nested');
    }
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
      if (Array.isArray(schema[keyword])) {
        schema[keyword].forEach((member, index) => {
          const memberRole = keyword === 'allOf' && role === 'component' ? 'component-allOf' : 'nested';
          walkSchema(member, [...path, keyword, index], memberRole);
        });
      }
    }
  };

  const walkContent = (content, path, role) => {
    if (!isObject(content)) {
      return;
    }
    for (const [mediaType, media] of Object.entries(content)) {
      if (isObject(media)) {
        walkSchema(media.schema, [...path, mediaType, 'schema'], role);
      }
    }
  };

  const walkParameterOrHeader = (item, path, visitItem = () => {}) => {
    if (!isObject(item) || typeof item.$ref === 'string') {
      return;
    }
    visitItem(item, path);
    walkSchema(item.schema, [...path, 'schema'], 'nested');
    walkContent(item.content, [...path, 'content'], 'nested');
  };

  const walkHeaders = (headers, path) => {
    if (isObject(headers)) {
      for (const [name, header] of Object.entries(headers)) {
        walkParameterOrHeader(header, [...path, name]);
      }
    }
  };

  const walkParameters = (parameters, path) => {
    if (Array.isArray(parameters)) {
      parameters.forEach((parameter, index) => walkParameterOrHeader(parameter, [...path, index], visitParameter));
    }
  };

  const walkRequestBody = (body, path) => {
    if (isObject(body) && typeof body.$ref !== 'string') {
      walkContent(body.content, [...path, 'content'], 'body');
    }
  };

  const walkResponse = (response, path) => {
    if (isObject(response) && typeof response.$ref !== 'string') {
      walkContent(response.content, [...path, 'content'], 'body');
      walkHeaders(response.headers, [...path, 'headers']);
    }
  };

  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) {
      walkSchema(schema, ['components', 'schemas', name], 'component');
    }
  }
  if (isObject(components.parameters)) {
    for (const [name, parameter] of Object.entries(components.parameters)) {
      walkParameterOrHeader(parameter, ['components', 'parameters', name], visitParameter);
    }
  }
  walkHeaders(components.headers, ['components', 'headers']);
  if (isObject(components.requestBodies)) {
    for (const [name, body] of Object.entries(components.requestBodies)) {
      walkRequestBody(body, ['components', 'requestBodies', name]);
    }
  }
  if (isObject(components.responses)) {
    for (const [name, response] of Object.entries(components.responses)) {
      walkResponse(response, ['components', 'responses', name]);
    }
  }

  if (isObject(doc.paths)) {
    for (const [pathKey, pathItem] of Object.entries(doc.paths)) {
      if (!isObject(pathItem)) {
        continue;
      }
      walkParameters(pathItem.parameters, ['paths', pathKey, 'parameters']);
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!isObject(operation)) {
          continue;
        }
        const operationPath = ['paths', pathKey, method];
        walkParameters(operation.parameters, [...operationPath, 'parameters']);
        walkRequestBody(operation.requestBody, [...operationPath, 'requestBody']);
        if (isObject(operation.responses)) {
          for (const [code, response] of Object.entries(operation.responses)) {
            walkResponse(response, [...operationPath, 'responses', code]);
          }
        }
      }
    }
  }
}

function compilePattern(pattern) {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    return null;
  }
  try {
    return new RegExp(pattern);
  } catch (e) {
    return null;
  }
}

const CHECKS = {
  'snake-case': (schema, path, role, report) => {
    if (!isObject(schema.properties)) {
      return;
    }
    const dynamicKey = compilePattern(schema[DYNAMIC_KEY_EXTENSION]);
    for (const name of Object.keys(schema.properties)) {
      if (SNAKE_CASE.test(name) || (dynamicKey !== null && dynamicKey.test(name))) {
        continue;
      }
      report(
        `Property name "${name}" is not snake_case (and is not a dynamic key documented by ${DYNAMIC_KEY_EXTENSION}).`,
        [...path, 'properties', name],
      );
    }
  },

  'inline-object': (schema, path, role, report) => {
    if (typeof schema.$ref === 'string' || !isObject(schema.properties)) {
      return;
    }
    if (role === 'component' || role === 'component-allOf') {
      return;
    }
    report(
      'Anonymous inline object schema: object schemas with properties live only under components.schemas; move it there and $ref it.',
      path,
    );
  },

  'body-ref': (schema, path, role, report) => {
    if (role === 'body' && typeof schema.$ref !== 'string') {
      report('Request/response body schema must be a $ref to a component under components.schemas.', path);
    }
  },

  'dynamic-keys': (schema, path, role, report) => {
    if (typeof schema.$ref === 'string' || !isObject(schema.additionalProperties)) {
      return;
    }
    if (typeof schema.description !== 'string' || schema.description.trim().length === 0) {
      report('A schema with additionalProperties (dynamic keys) must have a description of those keys.', path);
    }
    const pattern = schema[DYNAMIC_KEY_EXTENSION];
    if (pattern === undefined) {
      report(
        `A schema with additionalProperties (dynamic keys) must document the key form in ${DYNAMIC_KEY_EXTENSION} (e.g. '^c-cf-[1-9][0-9]*$').`,
        path,
      );
      return;
    }
    const regex = compilePattern(pattern);
    if (regex === null) {
      report(`${DYNAMIC_KEY_EXTENSION} must be a valid regular expression.`, [...path, DYNAMIC_KEY_EXTENSION]);
    } else if (!regex.test(SAMPLE_DYNAMIC_KEY)) {
      report(
        `${DYNAMIC_KEY_EXTENSION} must accept the custom-field key form c-cf-<id> (it rejects "${SAMPLE_DYNAMIC_KEY}").`,
        [...path, DYNAMIC_KEY_EXTENSION],
      );
    }
  },

  'extensible-enum': (schema, path, role, report) => {
    if (!(EXTENSIBLE_ENUM in schema)) {
      return;
    }
    const values = schema[EXTENSIBLE_ENUM];
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) {
      report(`${EXTENSIBLE_ENUM} must list the known values: a non-empty array of strings (not true).`, [...path, EXTENSIBLE_ENUM]);
      return;
    }
    if (new Set(values).size !== values.length) {
      report(`${EXTENSIBLE_ENUM} lists a value twice.`, [...path, EXTENSIBLE_ENUM]);
    }
    if (schema.type !== 'string') {
      report(`A schema with ${EXTENSIBLE_ENUM} must be type: string (an open value).`, path);
    }
    if ('enum' in schema) {
      report(
        `A schema with ${EXTENSIBLE_ENUM} must not have a closed enum: generators ignore the extension and refuse unknown values.`,
        [...path, 'enum'],
      );
    }
    const description = typeof schema.description === 'string' ? schema.description : '';
    const undocumented = values.filter((v) => !description.includes('`' + v + '`'));
    if (undocumented.length > 0) {
      report(
        `The description must name every known value in backticks; missing: ${undocumented.join(', ')}.`,
        path,
      );
    }
  },

  'closed-enum': (schema, path, role, report) => {
    if (!hasClosedEnum(schema) || EXTENSIBLE_ENUM in schema) {
      return;
    }
    const reason = schema[CLOSED_ENUM];
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      report(
        `A closed enum must say in ${CLOSED_ENUM} why the set cannot grow; a set the server may extend is type: string with ${EXTENSIBLE_ENUM}.`,
        [...path, 'enum'],
      );
    }
  },

  'response-enum': (schema, path, role, report, context) => {
    if (!hasClosedEnum(schema) || EXTENSIBLE_ENUM in schema || !context.inResponse(path)) {
      return;
    }
    report(
      `A response reaches this closed enum: the server may add values, so use type: string with ${EXTENSIBLE_ENUM} [values].`,
      [...path, 'enum'],
    );
  },

  'response-open': (schema, path, role, report, context) => {
    if (typeof schema.$ref === 'string' || !isObject(schema.properties) || !context.inResponse(path)) {
      return;
    }
    const additional = schema.additionalProperties;
    if (additional === true || isObject(additional)) {
      return;
    }
    report(
      additional === false
        ? 'A response reaches this object: it must accept fields it does not declare (additionalProperties: true), not refuse them.'
        : 'A response reaches this object: say additionalProperties: true, since generators read a missing keyword as false and refuse new server fields.',
      'additionalProperties' in schema ? [...path, 'additionalProperties'] : path,
    );
  },

  'nullable-items': (schema, path, role, report, context) => {
    if (typeof schema.$ref === 'string' || !isObject(schema.items)) {
      return;
    }
    const items = context.resolve(schema.items);
    const alternatives = [...(items.oneOf || []), ...(items.anyOf || [])].map(context.resolve);
    if (admitsNull(items) || alternatives.some(admitsNull)) {
      report(
        'Array items must not admit null: make the item schema non-nullable (and use oneOf [X, {enum: [null]}] only where a single value may be null).',
        [...path, 'items'],
      );
    }
  },

  'documented-default': {
    schema: (schema, path, role, report) => {
      if (typeof schema.$ref === 'string' || !isObject(schema.properties)) {
        return;
      }
      const createDefaults = schema[CREATE_DEFAULTS];
      if (createDefaults !== undefined) {
        if (!isObject(createDefaults)) {
          report(`${CREATE_DEFAULTS} must map property names to the values the server applies on creation.`, [...path, CREATE_DEFAULTS]);
        } else {
          for (const name of Object.keys(createDefaults)) {
            if (!(name in schema.properties)) {
              report(`${CREATE_DEFAULTS} names "${name}", which is not a property of this schema.`, [...path, CREATE_DEFAULTS, name]);
            }
          }
        }
      }
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!isObject(property) || !statesDefault(property.description)) {
          continue;
        }
        if ('default' in property || (isObject(createDefaults) && name in createDefaults)) {
          continue;
        }
        report(
          `The description of "${name}" states a default: give it as default (applied whenever the value is absent) or in ${CREATE_DEFAULTS} (applied on creation only).`,
          [...path, 'properties', name],
        );
      }
    },
    parameter: (parameter, path, report) => {
      if (!statesDefault(parameter.description) || (isObject(parameter.schema) && 'default' in parameter.schema)) {
        return;
      }
      report('The description of this parameter states a default: give it as default in its schema.', path);
    },
  },
};

const EXTENSIBLE_ENUM = 'x-extensible-enum';
const CLOSED_ENUM = 'x-closed-enum';
const CREATE_DEFAULTS = 'x-create-defaults';
const SCHEMA_REF = '#/components/schemas/';

// An enum is closed unless it only says "null" (a null-only alternative: nullable, enum [null]).
function hasClosedEnum(schema) {
  return Array.isArray(schema.enum) && schema.enum.some((value) => value !== null);
}

// Whether a schema (already resolved) lets null through: nullable, or an enum that lists null.
function admitsNull(schema) {
  return schema.nullable === true || (Array.isArray(schema.enum) && schema.enum.includes(null));
}

function statesDefault(description) {
  return typeof description === 'string' && /\bdefaults?\b/i.test(description);
}

// The names of the components under components.schemas that some response body reaches, through
// any chain of $refs.
function responseComponents(doc) {
  const reached = new Set();
  const pending = [];
  const collect = (node) => {
    if (Array.isArray(node)) {
      node.forEach(collect);
    } else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
          const name = value.slice(SCHEMA_REF.length);
          if (!reached.has(name)) {
            reached.add(name);
            pending.push(name);
          }
        } else if (key !== 'example' && key !== 'examples') {
          collect(value);
        }
      }
    }
  };
  const collectResponse = (response) => {
    if (isObject(response) && isObject(response.content)) {
      collect(response.content);
    }
  };
  const components = isObject(doc.components) ? doc.components : {};
  Object.values(isObject(components.responses) ? components.responses : {}).forEach(collectResponse);
  for (const pathItem of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    for (const method of HTTP_METHODS) {
      const operation = isObject(pathItem) ? pathItem[method] : undefined;
      if (isObject(operation) && isObject(operation.responses)) {
        Object.values(operation.responses).forEach(collectResponse);
      }
    }
  }
  const schemas = isObject(components.schemas) ? components.schemas : {};
  while (pending.length > 0) {
    collect(schemas[pending.pop()]);
  }
  return reached;
}

function contextOf(doc) {
  let reached = null;
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  return {
    // Whether the schema at this path is part of a response body: inline under a response, or
    // inside a component that a response reaches.
    inResponse(path) {
      if (path[0] === 'components' && path[1] === 'schemas') {
        reached = reached || responseComponents(doc);
        return reached.has(path[2]);
      }
      return path.includes('responses');
    },
    // Follows $refs to components.schemas (at most 20, against cycles); {} when unresolvable.
    resolve(schema) {
      let current = schema;
      for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 20; hops++) {
        const ref = current.$ref;
        current = ref.startsWith(SCHEMA_REF) ? schemas[ref.slice(SCHEMA_REF.length)] : undefined;
      }
      return isObject(current) ? current : {};
    },
  };
}

export default function hfcSchemas(targetVal, options) {
  const check = CHECKS[options && options.check];
  if (check === undefined) {
    throw new Error(`hfcSchemas: unknown check "${options && options.check}"; use one of ${Object.keys(CHECKS).join(', ')}`);
  }
  if (!isObject(targetVal)) {
    return [];
  }
  const results = [];
  const report = (message, resultPath) => results.push({ message, path: resultPath });
  const context = contextOf(targetVal);
  const schemaCheck = typeof check === 'function' ? check : check.schema;
  const parameterCheck = typeof check.parameter === 'function'
    ? (parameter, path) => check.parameter(parameter, path, report)
    : undefined;
  walkDocument(targetVal, (schema, path, role) => schemaCheck(schema, path, role, report, context), parameterCheck);
  return results;
}
