package io.kefu.channel.email.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server on loopback that accepts the session but answers RCPT TO with a fixed reply, to see how the
 * channel reads a mail server's refusals (GreenMail accepts every recipient).
 */
final class FakeSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    FakeSmtpServer(String rcptReply) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(rcptReply), "fake-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String rcptReply) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                session(client, rcptReply);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void session(Socket client, String rcptReply) throws IOException {
        client.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 fake.test ESMTP");
        for (String line; (line = in.readLine()) != null;) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250-fake.test\r\n250 AUTH PLAIN");
                case "AUTH" -> reply(out, "235 2.7.0 Authentication successful");
                case "MAIL" -> reply(out, "250 2.1.0 Ok");
                case "RCPT" -> reply(out, rcptReply);
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
