/**
 * TypeScript with the official `openai` package, and JavaScript with plain `fetch`. Both share
 * the request's object literal; they differ in how they send it and read the answer.
 */
import type { SnippetFeatures } from '../features'
import type { Template, TemplateAdd, When } from '../template'
import { slot, templateBuilder } from '../template'

/** The request body's properties as JS object-literal lines, at the given indentation. */
function requestBody(add: TemplateAdd, f: SnippetFeatures, pad: string) {
  const l = (when?: When) => add(when, pad)
  l()`model: ${slot('model')},
messages: [`
  l({ system: true })`  { role: "system", content: ${slot('system')} },`
  l({ image: false })`  { role: "user", content: ${slot('message')} },`
  if (f.image)
    l({ image: true })`  {
    role: "user",
    content: [
      { type: "text", text: ${slot('message')} },
      { type: "image_url", image_url: { url: ${slot('imageUrl')} } },
    ],
  },`
  l()`],`
  if (f.temperature) l({ temperature: true })`temperature: ${slot('temperature')},`
  if (f.maxTokens) l({ maxTokens: true })`${f.maxTokens}: ${slot('maxTokens')},`
  if (f.topP) l({ topP: true })`top_p: ${slot('topP')},`
  if (f.stop) l({ stop: true })`stop: [${slot('stop')}],`
  if (f.seed) l({ seed: true })`seed: ${slot('seed')},`
  if (f.reasoning) l({ reasoning: true })`reasoning_effort: ${slot('reasoningEffort')},`
  if (f.jsonSchema)
    l({ jsonSchema: true })`response_format: {
  type: "json_schema",
  json_schema: {
    name: "answer",
    strict: true,
    schema: {
      type: "object",
      properties: { answer: { type: "string" } },
      required: ["answer"],
      additionalProperties: false,
    },
  },
},`
  if (f.tools) {
    l({ tools: true })`tools: [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Get the current weather in a city",
      parameters: {
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city"],
      },
    },
  },
],`
    if (f.toolChoice) l({ tools: true })`tool_choice: "auto",`
  }
  if (f.stream) l({ stream: true })`stream: true,`
}

export function typescriptTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`import OpenAI from "openai";

const client = new OpenAI({
  baseURL: ${slot('baseUrl')},
  apiKey: process.env.${slot('keyEnv')},
});
`
  if (f.stream) add({ stream: true })`const stream = await client.chat.completions.create({`
  add({ stream: false })`const completion = await client.chat.completions.create({`
  requestBody(add, f, '  ')
  line`});`
  add({ stream: false, tools: false })`console.log(completion.choices[0]?.message.content);`
  if (f.tools)
    add({ stream: false, tools: true })`const message = completion.choices[0]?.message;
for (const call of message?.tool_calls ?? []) {
  if (call.type === "function") {
    console.log(\`tool call: \${call.function.name}(\${call.function.arguments})\`);
  }
}
if (message?.content) console.log(message.content);`
  if (f.stream) {
    add({ stream: true })`for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta;
  process.stdout.write(delta?.content ?? "");`
    if (f.tools)
      add({ stream: true, tools: true })`  for (const call of delta?.tool_calls ?? []) {
    if (call.function?.name) process.stdout.write(\`\\ntool call: \${call.function.name} \`);
    process.stdout.write(call.function?.arguments ?? "");
  }`
    add({ stream: true })`}
process.stdout.write("\\n");`
  }
  return lines
}

export function javascriptTemplate(f: SnippetFeatures): Template {
  const { add, line, lines } = templateBuilder()
  line`// Node.js 18 or later: save as chat.mjs and run node chat.mjs
const response = await fetch(${slot('url')}, {
  method: "POST",
  headers: {
    Authorization: \`Bearer \${process.env.${slot('keyEnv')}}\`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({`
  requestBody(add, f, '    ')
  line`  }),
});
if (!response.ok) {
  throw new Error(\`\${response.status} \${await response.text()}\`);
}`
  add({ stream: false, tools: false })`const completion = await response.json();
console.log(completion.choices[0].message.content);`
  if (f.tools)
    add({ stream: false, tools: true })`const { message } = (await response.json()).choices[0];
for (const call of message.tool_calls ?? []) {
  console.log(\`tool call: \${call.function.name}(\${call.function.arguments})\`);
}
if (message.content) console.log(message.content);`
  if (f.stream) {
    add({ stream: true })`// Server-sent events: "data: {json}" lines, then "data: [DONE]"
const decoder = new TextDecoder();
let buffered = "";
for await (const bytes of response.body) {
  buffered += decoder.decode(bytes, { stream: true });
  const lines = buffered.split("\\n");
  buffered = lines.pop();
  for (const line of lines) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") continue;
    const chunk = JSON.parse(data);
    if (chunk.error) throw new Error(chunk.error.message);
    const delta = chunk.choices[0]?.delta ?? {};
    process.stdout.write(delta.content ?? "");`
    if (f.tools)
      add({ stream: true, tools: true })`    for (const call of delta.tool_calls ?? []) {
      if (call.function?.name) process.stdout.write(\`\\ntool call: \${call.function.name} \`);
      process.stdout.write(call.function?.arguments ?? "");
    }`
    add({ stream: true })`  }
}
process.stdout.write("\\n");`
  }
  return lines
}
