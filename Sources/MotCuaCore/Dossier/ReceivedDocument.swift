/// One paper of the dossier as received (thành phần hồ sơ): what it is and how many copies,
/// written on form 01 and kept with the dossier.
public struct ReceivedDocument: Hashable, Sendable, Codable {
    public var name: String
    /// Bản chính / bản sao counts as the clerk wrote them; at least one copy in all.
    public var originals: Int
    public var copies: Int

    public init(name: String, originals: Int = 0, copies: Int = 1) {
        self.name = name; self.originals = originals; self.copies = copies
    }
}

extension ReceivedDocument {
    public static let label = Localized(vi: "Thành phần hồ sơ", en: "Documents received")

    /// `Tờ khai:1:0` (name:originals:copies), or `Tờ khai` alone (one copy), as typed on the
    /// command line. Validation of the values is `validated()`'s.
    public static func parse(_ text: String) throws -> ReceivedDocument {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func count(_ raw: String) throws -> Int {
            guard let n = Int(raw.trimmingCharacters(in: .whitespaces)) else {
                throw FieldError(field: "documents", label: label,
                                 problem: Localized(vi: "'\(text)': '\(raw)' không phải số bản; ghi tên:bản chính:bản sao, ví dụ 'Tờ khai:1:0'",
                                                    en: "'\(text)': '\(raw)' is not a count; write name:originals:copies, e.g. 'Tờ khai:1:0'"))
            }
            return n
        }
        switch parts.count {
        case 1: return ReceivedDocument(name: parts[0], originals: 0, copies: 1)
        case 3: return ReceivedDocument(name: parts[0], originals: try count(parts[1]), copies: try count(parts[2]))
        default:
            throw FieldError(field: "documents", label: label,
                             problem: Localized(vi: "'\(text)' không hợp lệ; ghi tên:bản chính:bản sao, ví dụ 'Tờ khai:1:0', hoặc chỉ tên (1 bản sao)",
                                                en: "'\(text)' is not valid; write name:originals:copies, e.g. 'Tờ khai:1:0', or the name alone (1 copy)"))
        }
    }

    /// The paper as stored: the name as Vietnamese text (non-blank), counts 0…20 each, at least
    /// one paper in all.
    public func validated() throws -> ReceivedDocument {
        let name = try TextInput.required(name, field: "documents", label: Self.label, maxLength: 200)
        for n in [originals, copies] where !(0...20).contains(n) {
            throw FieldError(field: "documents", label: Self.label,
                             problem: Localized(vi: "'\(name)': số bản \(n) không hợp lệ; mỗi loại từ 0 đến 20",
                                                en: "'\(name)': \(n) copies is not valid; 0 to 20 of each"))
        }
        guard originals + copies > 0 else {
            throw FieldError(field: "documents", label: Self.label,
                             problem: Localized(vi: "'\(name)': cần ít nhất một bản (chính hoặc sao)",
                                                en: "'\(name)': at least one copy (original or not)"))
        }
        return ReceivedDocument(name: name, originals: originals, copies: copies)
    }
}

extension ReceivedDocument {
    /// The papers as one line, `Tờ khai:1:0; Giấy chứng sinh:1:0`: how the catalog's
    /// `documents` column and the desk's reception form write them. Empty text is no papers.
    /// Each entry is validated; a name cannot hold ';' or ':' (they separate).
    public static func parseList(_ text: String) throws(FieldError) -> [ReceivedDocument] {
        var list: [ReceivedDocument] = []
        for part in text.split(separator: ";") {
            let entry = part.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            do { list.append(try parse(entry).validated()) } catch let e as FieldError { throw e } catch {
                throw FieldError(field: "documents", label: label, problem: Localized(vi: "'\(entry)' không hợp lệ", en: "'\(entry)' is not valid"))
            }
        }
        return list
    }

    /// `parseList`'s inverse: one copy of a paper is written by its name alone.
    public static func listText(_ documents: [ReceivedDocument]) -> String {
        documents.map { d in d.originals == 0 && d.copies == 1 ? d.name : "\(d.name):\(d.originals):\(d.copies)" }
            .joined(separator: "; ")
    }
}
