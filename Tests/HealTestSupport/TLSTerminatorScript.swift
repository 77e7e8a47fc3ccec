/// The Python 3 (standard library only) TLS front end that `TLSTerminator` runs. It is kept
/// as Swift source because SwiftPM warns about every non-Swift file in a target and the
/// manifest cannot exclude it.
///
/// asyncio serves all connections on one thread, so an `SSLObject` is never read and written
/// from two threads at once (OpenSSL does not allow that); each connection still proceeds
/// independently, keep-alive included. Client EOF is passed on as a TCP half-close to the
/// backend; backend EOF closes the TLS side (sending close_notify).
enum TLSTerminatorScript {
    static let source = #"""
        import argparse
        import asyncio
        import os
        import ssl
        import sys
        import threading


        def parse_arguments():
            parser = argparse.ArgumentParser()
            parser.add_argument("--cert", required=True)
            parser.add_argument("--key", required=True)
            parser.add_argument("--ca", required=True)
            parser.add_argument("--backend-port", type=int, required=True)
            parser.add_argument("--subjects-log", required=True)
            parser.add_argument("--require-client-cert", action="store_true")
            return parser.parse_args()


        def common_name(certificate):
            for relative_name in (certificate or {}).get("subject", ()):
                for key, value in relative_name:
                    if key == "commonName":
                        return value
            return ""


        async def pipe(reader, writer, half_close):
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
                if half_close and writer.can_write_eof():
                    writer.write_eof()
                else:
                    writer.close()
            except (ConnectionError, ssl.SSLError):
                writer.close()


        async def main():
            arguments = parse_arguments()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(arguments.cert, arguments.key)
            context.load_verify_locations(arguments.ca)
            # Optional still verifies a certificate the client sends, so the log shows it.
            context.verify_mode = ssl.CERT_REQUIRED if arguments.require_client_cert else ssl.CERT_OPTIONAL
            subjects = open(arguments.subjects_log, "a", buffering=1)

            async def handle(client_reader, client_writer):
                subjects.write(common_name(client_writer.get_extra_info("peercert")) + "\n")
                try:
                    backend_reader, backend_writer = await asyncio.open_connection("127.0.0.1", arguments.backend_port)
                except OSError:
                    client_writer.close()
                    return
                await asyncio.gather(
                    pipe(client_reader, backend_writer, half_close=True),
                    pipe(backend_reader, client_writer, half_close=False),
                )
                backend_writer.close()
                client_writer.close()

            server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
            print(server.sockets[0].getsockname()[1], flush=True)
            async with server:
                await server.serve_forever()


        def exit_when_parent_goes_away():
            # The parent holds our stdin open; EOF means it exited without stopping us.
            sys.stdin.buffer.read()
            os._exit(0)


        threading.Thread(target=exit_when_parent_goes_away, daemon=True).start()
        asyncio.run(main())
        """#
}
