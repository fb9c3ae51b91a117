/// A small RFC 4180 CSV reader and writer: the catalog is edited in a spreadsheet by the desk's
/// supervisor, so quoted fields, doubled quotes, CRLF and a UTF-8 BOM (Excel adds one) must work.
public enum CSV {
    /// One record and the physical line it starts on (a quoted field may span several lines, so
    /// errors must point at the start).
    public struct Record: Hashable, Sendable {
        public var fields: [String]
        public var line: Int
        public init(fields: [String], line: Int) { self.fields = fields; self.line = line }
    }

    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let problem: Localized
        public var description: String { "line \(line): \(problem.en)" }
    }

    /// Parses the whole text. Lines that are completely empty are skipped (a trailing newline, or
    /// blank lines left while editing), so they are not records with one empty field.
    public static func parse(_ text: String) throws(ParseError) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var i = 0
        // The current record has content: tells a record of one empty field (`""`) from a blank line.
        var fieldStarted = false

        func endField() { fields.append(String(field)); field = String.UnicodeScalarView() }
        func endRecord() {
            if fieldStarted || !fields.isEmpty {
                endField()
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []; fieldStarted = false
        }

        while i < scalars.count {
            let c = scalars[i]
            // A quote opens a quoted field only at the start of a field.
            if c == "\"" && field.isEmpty {
                // Quoted field: read to the closing quote; "" inside stands for one quote.
                let openLine = line
                fieldStarted = true
                i += 1
                var closed = false
                while i < scalars.count {
                    let q = scalars[i]
                    if q == "\"" {
                        if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        closed = true; i += 1; break
                    }
                    if q == "\n" || (q == "\r" && !(i + 1 < scalars.count && scalars[i + 1] == "\n")) { line += 1 }
                    field.append(q); i += 1
                }
                if !closed {
                    throw ParseError(line: openLine, problem: Localized(
                        vi: "dấu ngoặc kép mở ở dòng \(openLine) không được đóng",
                        en: "quote opened on line \(openLine) is never closed"))
                }
                // After the closing quote only a separator or the end of the line may follow.
                if i < scalars.count, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" {
                    throw ParseError(line: line, problem: Localized(
                        vi: "có ký tự sau dấu ngoặc kép đóng; trong trường có ngoặc kép phải viết \"\" thay cho \"",
                        en: "text after a closing quote; inside a quoted field write \"\" for \""))
                }
                continue
            }
            switch c {
            case ",":
                fieldStarted = true
                endField()
                i += 1
            case "\r", "\n":
                endRecord()
                i += (c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") ? 2 : 1
                line += 1; recordLine = line
            case "\"":
                throw ParseError(line: line, problem: Localized(
                    vi: "dấu ngoặc kép giữa trường không có ngoặc kép; hãy đặt cả trường trong ngoặc kép và viết \"\"",
                    en: "quote inside an unquoted field; quote the whole field and write \"\""))
            default:
                fieldStarted = true
                field.append(c)
                i += 1
            }
        }
        endRecord()
        return records
    }

    /// Writes records, quoting only the fields that need it. `lineEnding` defaults to LF so a file
    /// kept in the repository diffs cleanly; pass "\r\n" for strict RFC 4180.
    public static func write(_ rows: [[String]], lineEnding: String = "\n") -> String {
        rows.map { $0.map(quote).joined(separator: ",") + lineEnding }.joined()
    }

    /// Quotes a field when it holds a separator, a quote, a line break, or edge spaces (which a
    /// spreadsheet would otherwise trim).
    public static func quote(_ field: String) -> String {
        let needs = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needs else { return field }
        var out = "\""
        for ch in field { if ch == "\"" { out += "\"\"" } else { out.append(ch) } }
        return out + "\""
    }
}
