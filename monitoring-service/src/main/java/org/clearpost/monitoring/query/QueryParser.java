package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.clearpost.events.Network;

/**
 * The tracked-query language, by hand-written recursive descent (README "Tracked queries"):
 *
 * <pre>
 * query   := or EOF
 * or      := and ( "OR" and )*
 * and     := near ( ["AND"] near )*              juxtaposition is AND
 * near    := unary ( "NEAR/" n unary )*          both sides a word or a "phrase"; n other words at most between
 * unary   := ("NOT" | "-") unary | primary        '-' glued to what it negates: -word, -"phrase", -(a OR b)
 * primary := "(" or ")" | "phrase" | #hashtag | @handle | author:handle | network:x|bluesky | lang:en | word
 * </pre>
 * Operators are upper case (so the words "and", "or", "not" can be searched for); everything else is
 * case-insensitive. Precedence, tightest first: NOT, NEAR, AND, OR.
 */
public final class QueryParser {

    static final int MAX_NESTING = 32;
    static final int MAX_NEAR = 100;
    private static final String OPERAND = "a word, \"phrase\", #hashtag, @handle, author:, network:, lang: or '('";
    private static final String NEAR_SIDE = "a word, \"phrase\" or (alternatives OR of them)";
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}_.@-]+");

    private enum Kind { WORD, PHRASE, LPAREN, RPAREN, AND, OR, NOT, MINUS, NEAR, EOF }

    private record Token(Kind kind, String text, int position, int number) {
        String describe() {
            return switch (kind) {
                case EOF -> "end of query";
                case PHRASE -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private QueryParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    /** Parses {@code query} into its tree; a {@link QuerySyntaxException} says where it went wrong and why. */
    public static QueryNode parse(String query) {
        if (query == null) {
            throw new QuerySyntaxException(1, "expected " + OPERAND + " but found nothing");
        }
        QueryParser parser = new QueryParser(query);
        QueryNode tree = parser.or();
        Token last = parser.peek();
        if (last.kind != Kind.EOF) {
            throw new QuerySyntaxException(last.position, last.kind == Kind.RPAREN
                    ? "expected end of query but found ')' without a '(' before it"
                    : "expected end of query but found " + last.describe());
        }
        return tree;
    }

    private QueryNode or() {
        List<QueryNode> children = new ArrayList<>();
        children.add(and());
        while (peek().kind == Kind.OR) {
            take();
            children.add(and());
        }
        return children.size() == 1 ? children.get(0) : new QueryNode.Or(children);
    }

    private QueryNode and() {
        List<QueryNode> children = new ArrayList<>();
        children.add(near());
        while (true) {
            Kind kind = peek().kind;
            if (kind == Kind.AND) {
                take();
                children.add(near());
            } else if (kind == Kind.WORD || kind == Kind.PHRASE || kind == Kind.LPAREN || kind == Kind.NOT
                    || kind == Kind.MINUS) {
                children.add(near());
            } else {
                break;
            }
        }
        return children.size() == 1 ? children.get(0) : new QueryNode.And(children);
    }

    private QueryNode near() {
        Token leftStart = peek();
        QueryNode left = unary();
        while (peek().kind == Kind.NEAR) {
            Token near = take();
            List<QueryNode.TextSpan> leftSpans = spans(left);
            if (leftSpans == null) {
                throw new QuerySyntaxException(leftStart.position, "expected " + NEAR_SIDE + " before " + near.text
                        + " (NEAR joins two of them)");
            }
            Token rightStart = peek();
            List<QueryNode.TextSpan> rightSpans = spans(unary());
            if (rightSpans == null) {
                throw new QuerySyntaxException(rightStart.position, "expected " + NEAR_SIDE + " after " + near.text
                        + " but found " + rightStart.describe());
            }
            left = new QueryNode.Near(leftSpans, rightSpans, near.number);
        }
        return left;
    }

    /** A side of NEAR: one word or phrase, or alternatives of them; null if {@code node} is anything else. */
    private static List<QueryNode.TextSpan> spans(QueryNode node) {
        if (node instanceof QueryNode.TextSpan span) {
            return List.of(span);
        }
        if (node instanceof QueryNode.Or or && or.children().stream().allMatch(QueryNode.TextSpan.class::isInstance)) {
            return or.children().stream().map(QueryNode.TextSpan.class::cast).toList();
        }
        return null;
    }

    private QueryNode unary() {
        Kind kind = peek().kind;
        if (kind == Kind.NOT || kind == Kind.MINUS) {
            take();
            return new QueryNode.Not(unary());
        }
        return primary();
    }

    private QueryNode primary() {
        Token token = take();
        switch (token.kind) {
            case LPAREN -> {
                if (++depth > MAX_NESTING) {
                    throw new QuerySyntaxException(token.position,
                            "expected at most " + MAX_NESTING + " levels of parentheses");
                }
                if (peek().kind == Kind.RPAREN) {
                    throw new QuerySyntaxException(peek().position, "expected " + OPERAND + " inside '( )'");
                }
                QueryNode inner = or();
                Token close = take();
                if (close.kind != Kind.RPAREN) {
                    throw new QuerySyntaxException(close.position, "expected ')' but found " + close.describe()
                            + " (the '(' at position " + token.position + " is not closed)");
                }
                depth--;
                return inner;
            }
            case PHRASE -> {
                return text(token, token.text);
            }
            case WORD -> {
                return word(token);
            }
            default -> throw new QuerySyntaxException(token.position, "expected " + OPERAND + " but found "
                    + token.describe() + (token.kind == Kind.AND || token.kind == Kind.OR || token.kind == Kind.NOT
                            ? " (to search for the word, write it in lower case or in quotes)" : ""));
        }
    }

    private QueryNode word(Token token) {
        String word = token.text;
        if (word.startsWith("#")) {
            String tag = word.substring(1);
            if (!HASHTAG.matcher(tag).matches()) {
                throw new QuerySyntaxException(token.position + 1,
                        "expected a hashtag of letters, digits and '_' after '#' but found '" + tag + "'");
            }
            return new QueryNode.Hashtag(TextFolding.tag(tag), tag.toLowerCase(Locale.ROOT));
        }
        if (word.startsWith("@")) {
            String handle = stripEnd(word.substring(1));
            if (handle.isEmpty() || !HANDLE.matcher(handle).matches()) {
                throw new QuerySyntaxException(token.position + 1,
                        "expected a handle of letters, digits, '_', '.', '-' and '@' after '@' but found '"
                                + word.substring(1) + "'");
            }
            return new QueryNode.Mention(TextFolding.tag(handle), handle.toLowerCase(Locale.ROOT));
        }
        int colon = word.indexOf(':');
        if (colon > 0 && word.substring(0, colon).chars().allMatch(Character::isLetter)
                && !word.startsWith("//", colon + 1)) {
            String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = word.substring(colon + 1);
            int at = token.position + colon + 1;
            return switch (field) {
                case "author", "from" -> author(value, at - 1, field);
                case "network" -> network(value, at - 1);
                case "lang" -> lang(value, at - 1);
                default -> throw new QuerySyntaxException(token.position, "expected author:, network: or lang: but "
                        + "found the unknown field '" + field + ":' (quote it to search for the text)");
            };
        }
        return text(token, word);
    }

    private static QueryNode author(String value, int at, String field) {
        String handle = stripEnd(value.startsWith("@") ? value.substring(1) : value);
        if (handle.isEmpty() || !HANDLE.matcher(handle).matches()) {
            throw new QuerySyntaxException(at + 1, "expected a handle after " + field + ": but found '" + value + "'");
        }
        return new QueryNode.Author(TextFolding.tag(handle));
    }

    private static QueryNode network(String value, int at) {
        Set<Network> networks = EnumSet.noneOf(Network.class);
        int position = at + 1;
        for (String name : value.split("\\|", -1)) {
            Network network = networkNamed(name);
            if (network == null) {
                throw new QuerySyntaxException(position, "expected a network (" + knownNetworks()
                        + ", several joined by '|') but found '" + name + "'");
            }
            networks.add(network);
            position += name.length() + 1;
        }
        return new QueryNode.OnNetwork(networks);
    }

    private static Network networkNamed(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("TWITTER")) {
            return Network.X;
        }
        for (Network network : Network.values()) {
            if (network.name().equals(upper)) {
                return network;
            }
        }
        return null;
    }

    private static String knownNetworks() {
        StringBuilder names = new StringBuilder();
        for (Network network : Network.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(network.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    private static QueryNode lang(String value, int at) {
        String tag = value.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANG.matcher(tag).matches()) {
            throw new QuerySyntaxException(at + 1,
                    "expected a language code such as en or en-GB after lang: but found '" + value + "'");
        }
        return new QueryNode.Lang(tag);
    }

    private static QueryNode text(Token token, String text) {
        List<String> words = TextFolding.words(text);
        if (words.isEmpty()) {
            throw new QuerySyntaxException(token.position, token.kind == Kind.PHRASE
                    ? "expected a letter or digit inside the phrase \"" + text + "\""
                    : "expected a word with a letter or digit but found '" + text + "'");
        }
        List<String> spellings = spellings(text);
        if (spellings.size() != words.size()) {
            spellings = words; // folding changed the word boundaries (rare: e.g. a ligature); the folded form it is
        }
        return words.size() == 1 ? new QueryNode.Term(words.get(0), spellings.get(0))
                : new QueryNode.Phrase(words, spellings);
    }

    /** The words as written (lower case, accents kept), split where {@link TextFolding#words} splits. */
    private static List<String> spellings(String text) {
        List<String> spellings = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length();) {
            int cp = lower.codePointAt(i);
            boolean part = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (part && start < 0) {
                start = i;
            } else if (!part && start >= 0) {
                spellings.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            spellings.add(lower.substring(start));
        }
        return spellings;
    }

    private static String stripEnd(String handle) {
        String stripped = handle;
        while (stripped.endsWith(".") || stripped.endsWith("-")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind != Kind.EOF) {
            next++;
        }
        return token;
    }

    private static List<Token> lex(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            int position = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.LPAREN, "(", position, 0));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.RPAREN, ")", position, 0));
                i++;
            } else if (c == '"') {
                int close = source.indexOf('"', i + 1);
                if (close < 0) {
                    throw new QuerySyntaxException(length + 1, "expected '\"' to close the phrase opened at position "
                            + position + " but found end of query");
                }
                tokens.add(new Token(Kind.PHRASE, source.substring(i + 1, close), position, 0));
                i = close + 1;
            } else if (c == '-' && i + 1 < length && !Character.isWhitespace(source.charAt(i + 1))
                    && source.charAt(i + 1) != ')' && source.charAt(i + 1) != '-') {
                tokens.add(new Token(Kind.MINUS, "-", position, 0));
                i++;
            } else {
                int end = i;
                while (end < length) {
                    char e = source.charAt(end);
                    if (Character.isWhitespace(e) || e == '(' || e == ')' || e == '"') {
                        break;
                    }
                    end++;
                }
                String word = source.substring(i, end);
                tokens.add(operator(word, position));
                i = end;
            }
        }
        tokens.add(new Token(Kind.EOF, "", length + 1, 0));
        return tokens;
    }

    private static Token operator(String word, int position) {
        switch (word) {
            case "AND" -> {
                return new Token(Kind.AND, word, position, 0);
            }
            case "OR" -> {
                return new Token(Kind.OR, word, position, 0);
            }
            case "NOT" -> {
                return new Token(Kind.NOT, word, position, 0);
            }
            default -> {
                if (word.equals("NEAR") || word.startsWith("NEAR/")) {
                    String number = word.startsWith("NEAR/") ? word.substring(5) : "";
                    if (!number.matches("[0-9]{1,3}") || Integer.parseInt(number) > MAX_NEAR) {
                        throw new QuerySyntaxException(position + 5, "expected a number of words from 0 to "
                                + MAX_NEAR + " after NEAR/ (as in NEAR/5) but found '" + number + "'");
                    }
                    return new Token(Kind.NEAR, word, position, Integer.parseInt(number));
                }
                return new Token(Kind.WORD, word, position, 0);
            }
        }
    }
}
