"""Wrong variant of ex40: decoder.weight.data = weight.data shares memory but keeps two Parameters."""

PART = "TiedEmbeddingLM"
TITLE = "общая память через .data: два разных Parameter, градиент weight теряет вклад декодера"
HINTS = (
    "Сравните model.weight.grad с градиентом, посчитанным для одной матрицы, используемой дважды.",
    "decoder.weight.data = weight.data делает общую память, но объекты Parameter остаются разными: "
    "autograd кладёт градиент декодера в decoder.weight.grad, а не в weight.grad.",
    "Свяжите сами параметры: self.decoder.weight = self.weight.",
)


class TiedEmbeddingLM(nn.Module):
    def __init__(self, num_embeddings, embedding_dim):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(num_embeddings, embedding_dim))
        self.decoder = nn.Linear(embedding_dim, num_embeddings)
        self.decoder.weight.data = self.weight.data

    def forward(self, ids):
        return self.decoder(self.weight[ids])
