// The engine mounted the Next way (next dev, hosts that run Next alone); npm start serves /proxy/* without Next.
import { handleProxyRequest } from "@/proxy/handler";

export const dynamic = "force-dynamic";
export const GET = handleProxyRequest, POST = handleProxyRequest, PUT = handleProxyRequest, PATCH = handleProxyRequest, DELETE = handleProxyRequest;
