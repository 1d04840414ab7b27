package org.backbone.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What the local SMTP server (GreenMail, started by ./backbone infra up) received, read through its REST API. */
public final class GreenMail {

    /** One received mail, its parts decoded. */
    public record Received(String subject, String text, String html, String listUnsubscribe, String listUnsubscribePost,
            String autoSubmitted) {
    }

    private static final String API = System.getenv().getOrDefault("MAIL_API_URL", "http://127.0.0.1:18025");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GreenMail() {
    }

    /** Every mail to {@code address} so far. */
    public static List<Received> inbox(String address) throws IOException, InterruptedException, MessagingException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<Received> mails = new ArrayList<>();
        if (response.statusCode() != 200) {
            return mails; // nobody has written to that address yet
        }
        Session session = Session.getInstance(new Properties());
        for (JsonNode message : JSON.readTree(response.body())) {
            MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(
                    message.path("mimeMessage").asText().getBytes(StandardCharsets.UTF_8)));
            String text = null;
            String html = null;
            if (mime.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            }
            mails.add(new Received(mime.getSubject(), text, html, mime.getHeader("List-Unsubscribe", null),
                    mime.getHeader("List-Unsubscribe-Post", null), mime.getHeader("Auto-Submitted", null)));
        }
        return mails;
    }

    /** The mails to {@code address} whose text mentions {@code marker}. */
    public static List<Received> mentioning(String address, String marker) throws IOException, InterruptedException, MessagingException {
        return inbox(address).stream().filter(m -> m.text() != null && m.text().contains(marker)).toList();
    }
}
