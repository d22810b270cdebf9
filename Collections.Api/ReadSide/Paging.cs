namespace Collections.Api.ReadSide;

public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static IResult? Check(int? page, int? pageSize) =>
        page is < 1 ? Invalid("page", "starts at 1.")
        : pageSize is < 1 or > MaxSize ? Invalid("pageSize", $"must be 1 to {MaxSize}.")
        : null;

    public static (int Page, int Size) Resolve(int? page, int? pageSize) => (page ?? 1, pageSize ?? DefaultSize);

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
