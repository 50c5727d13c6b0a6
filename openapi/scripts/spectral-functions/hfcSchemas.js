// Spectral custom function for the project's ruleset (.spectral.yaml).
//
// Walks every schema of an OpenAPI 3.0 document (unresolved, so that each schema is visited once,
// where it is written) and applies one of the schema checks below, chosen by functionOptions.check:
//
//   snake-case      property names are snake_case; the only exception is a key that matches the
//                   x-custom-field-key-pattern documented on the same schema (dynamic keys).
//   inline-object   an object schema with `properties` may only be a component
//                   (components.schemas.<Name>, or a direct allOf member of one); anywhere else it
//                   is an anonymous inline object and must become a component that is $ref'd.
//   body-ref        a request or response body schema (content.<media type>.schema of a request
//                   body or response) is a $ref to a component.
//   dynamic-keys    a schema whose additionalProperties is not false documents its dynamic keys:
//                   it has a description and an x-custom-field-key-pattern that is a valid regular
//                   expression and accepts a c-cf-<id> key such as c-cf-1.

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const DYNAMIC_KEY_EXTENSION = 'x-custom-field-key-pattern';
const SAMPLE_DYNAMIC_KEY = 'c-cf-1';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Calls visit(schema, path, role) for every schema reachable without following $ref.
// role: 'component' (components.schemas.<Name>), 'component-allOf' (a direct allOf member of a
// component), 'body' (a request/response body schema) or 'nested' (anything else).
function walkDocument(doc, visit) {
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

  const walkParameterOrHeader = (item, path) => {
    if (!isObject(item) || typeof item.$ref === 'string') {
      return;
    }
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
      parameters.forEach((parameter, index) => walkParameterOrHeader(parameter, [...path, index]));
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
      walkParameterOrHeader(parameter, ['components', 'parameters', name]);
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
    if (typeof schema.$ref === 'string' || !('additionalProperties' in schema) || schema.additionalProperties === false) {
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
};

export default function hfcSchemas(targetVal, options) {
  const check = CHECKS[options && options.check];
  if (check === undefined) {
    throw new Error(`hfcSchemas: unknown check "${options && options.check}"; use one of ${Object.keys(CHECKS).join(', ')}`);
  }
  if (!isObject(targetVal)) {
    return [];
  }
  const results = [];
  walkDocument(targetVal, (schema, path, role) => {
    check(schema, path, role, (message, resultPath) => results.push({ message, path: resultPath }));
  });
  return results;
}
