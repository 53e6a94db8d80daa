// The engine mounted the Next way (next dev, hosts that run Next alone); npm start serves /proxy/* without Next.
import { handleProxy } from "@/proxy/handler";
import { webHandler } from "@/proxy/web-bridge";

export const dynamic = "force-dynamic";
const handleProxyRequest = webHandler(handleProxy);
export const GET = handleProxyRequest, POST = handleProxyRequest, PUT = handleProxyRequest, PATCH = handleProxyRequest, DELETE = handleProxyRequest;
