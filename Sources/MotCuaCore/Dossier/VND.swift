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
