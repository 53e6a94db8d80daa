// Python snippets: the official SDKs and Pydantic AI, pointed at the gateway.
import { pythonString as py } from "./quote";
import { EXAMPLE_PROMPT, keyOf, routeBaseUrl, type SnippetInput } from "./snippet-types";
import type { WireFamily } from "./wire-family";

export function pythonOpenAISnippet(input: SnippetInput): string {
  return `from openai import OpenAI

client = OpenAI(
    base_url=${py(routeBaseUrl(input))},
    api_key=${py(keyOf(input))},
)

response = client.chat.completions.create(
    model=${py(input.model)},
    messages=[{"role": "user", "content": ${py(EXAMPLE_PROMPT)}}],
)
print(response.choices[0].message.content)
`;
}

export function pythonAnthropicSnippet(input: SnippetInput): string {
  return `from anthropic import Anthropic

client = Anthropic(
    base_url=${py(routeBaseUrl(input))},
    api_key=${py(keyOf(input))},
)

message = client.messages.create(
    model=${py(input.model)},
    max_tokens=1024,
    messages=[{"role": "user", "content": ${py(EXAMPLE_PROMPT)}}],
)
print(message.content[0].text)
`;
}

export function pythonGoogleSnippet(input: SnippetInput): string {
  return `from google import genai
from google.genai import types

client = genai.Client(
    api_key=${py(keyOf(input))},
    http_options=types.HttpOptions(base_url=${py(routeBaseUrl(input))}),
)

response = client.models.generate_content(
    model=${py(input.model)},
    contents=${py(EXAMPLE_PROMPT)},
)
print(response.text)
`;
}

/** Pydantic AI over the SDK client that speaks the route's wire format (not offered for Bedrock). */
export function pydanticAISnippet(input: SnippetInput, family: Exclude<WireFamily, "bedrock">): string {
  const run = `result = agent.run_sync(${py(EXAMPLE_PROMPT)})
print(result.output)
`;
  if (family === "anthropic") {
    return `from anthropic import AsyncAnthropic
from pydantic_ai import Agent
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.providers.anthropic import AnthropicProvider

client = AsyncAnthropic(
    base_url=${py(routeBaseUrl(input))},
    api_key=${py(keyOf(input))},
)
model = AnthropicModel(${py(input.model)}, provider=AnthropicProvider(anthropic_client=client))
agent = Agent(model)

${run}`;
  }
  if (family === "google") {
    return `from google import genai
from google.genai import types
from pydantic_ai import Agent
from pydantic_ai.models.google import GoogleModel
from pydantic_ai.providers.google import GoogleProvider

client = genai.Client(
    api_key=${py(keyOf(input))},
    http_options=types.HttpOptions(base_url=${py(routeBaseUrl(input))}),
)
model = GoogleModel(${py(input.model)}, provider=GoogleProvider(client=client))
agent = Agent(model)

${run}`;
  }
  return `from pydantic_ai import Agent
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.openai import OpenAIProvider

provider = OpenAIProvider(
    base_url=${py(routeBaseUrl(input))},
    api_key=${py(keyOf(input))},
)
agent = Agent(OpenAIChatModel(${py(input.model)}, provider=provider))

${run}`;
}
