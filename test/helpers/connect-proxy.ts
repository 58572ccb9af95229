// A CONNECT proxy that hands every tunnel to the stand-in's TLS server, whatever host was asked
// for: a client that cannot be pointed at another API address (rclone) reaches the stand-in
// through HTTPS_PROXY, and sees a certificate for *.1fichier.com signed by the test CA.
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import type { StandIn } from '../stand-in/server.ts'

export interface ConnectProxy {
  url: string
  /** host:port of every CONNECT, in order. */
  tunnels: string[]
  close(): Promise<void>
}

export async function startConnectProxy(standIn: StandIn): Promise<ConnectProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, socket: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '')
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    standIn.acceptConnection(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
