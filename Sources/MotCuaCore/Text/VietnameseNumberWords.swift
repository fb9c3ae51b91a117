/// Whole numbers in Vietnamese words, as a caller at the desk says them aloud: 15 → "mười lăm",
/// 21 → "hai mươi mốt", 24 → "hai mươi tư", 105 → "một trăm linh năm". The spoken call reads a
/// ticket's number as a number ("A mười lăm"), not digit by digit with its padding zeros
/// ("A không một năm"): that is how a clerk calls it, and it is shorter to hear.
public enum VietnameseNumberWords {
    static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// `n` in words; negative numbers are said as "âm …".
    public static func words(_ n: Int) -> String {
        if n < 0 { return "âm " + words(n == Int.min ? Int.max : -n) }
        if n < 1000 { return belowThousand(n, isLeading: true) }
        // Groups of three digits with their scale words (nghìn, triệu, tỷ).
        let scales = ["", "nghìn", "triệu", "tỷ"]
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(rest % 1000); rest /= 1000 }
        var parts: [String] = []
        for i in stride(from: groups.count - 1, through: 0, by: -1) {
            let g = groups[i]
            guard g > 0 else { continue }
            let scale = i < scales.count ? scales[i] : "nghìn tỷ"
            let said = belowThousand(g, isLeading: parts.isEmpty)
            parts.append(scale.isEmpty ? said : "\(said) \(scale)")
        }
        return parts.joined(separator: " ")
    }

    /// 0…999. A group after a larger one keeps its hundreds ("một nghìn không trăm linh năm").
    static func belowThousand(_ n: Int, isLeading: Bool) -> String {
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        var out: [String] = []
        if h > 0 || !isLeading { out.append("\(digits[h]) trăm") }
        if t == 0 {
            if u > 0 { out.append(out.isEmpty ? digits[u] : "linh \(digits[u])") }
            else if out.isEmpty { out.append(digits[0]) }
        } else {
            out.append(t == 1 ? "mười" : "\(digits[t]) mươi")
            if u > 0 { out.append(unitAfterTens(u, tens: t)) }
        }
        return out.joined(separator: " ")
    }

    /// The units after tens change their word: 5 → "lăm", 1 → "mốt" (from 21), 4 → "tư" (from 24).
    static func unitAfterTens(_ u: Int, tens: Int) -> String {
        switch u {
        case 5: "lăm"
        case 1 where tens >= 2: "mốt"
        case 4 where tens >= 2: "tư"
        default: digits[u]
        }
    }
}
