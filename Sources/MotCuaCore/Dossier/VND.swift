/// An amount of money as the desk writes it: `50.000 đ` (dots between thousands).
public enum VND {
    public static func text(_ amount: Int) -> String { grouped(amount) + " đ" }

    /// `150.000`: the digits with dots between thousands (slips add "đồng").
    public static func grouped(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (amount < 0 ? "-" : "") + out
    }
}

extension VND {
    /// An amount as a clerk types it: `25000`, `25.000`, `25 000`, `25.000 đ` (the dots and
    /// spaces between thousands and a trailing `đ`/`d` ignored). Nil when it is not a whole
    /// number of đồng from 0 to 999.999.999 (the model's range for fees and postage).
    public static func parse(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for suffix in ["đồng", "đ", "d", "VND", "vnd"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        let digits = t.filter { $0 != "." && $0 != " " }
        guard !digits.isEmpty, digits.count <= 9, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(digits)
    }
}
