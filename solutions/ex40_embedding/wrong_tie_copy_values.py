"""Wrong variant of ex40: the decoder gets a copy of the embedding values, not the same Parameter."""

PART = "TiedEmbeddingLM"
TITLE = "decoder.weight — копия значений матрицы эмбеддингов, а не тот же Parameter"
HINTS = (
    "Выполните model.decoder.weight is model.weight. А после одного шага обучения совпадают ли значения?",
    "Копия совпадает с матрицей только в момент создания; дальше две матрицы обучаются отдельно, и "
    "параметров вдвое больше.",
    "Присвойте сам объект: self.decoder.weight = self.weight (без clone и без нового nn.Parameter).",
)


class TiedEmbeddingLM(nn.Module):
    def __init__(self, num_embeddings, embedding_dim):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(num_embeddings, embedding_dim))
        self.decoder = nn.Linear(embedding_dim, num_embeddings)
        self.decoder.weight = nn.Parameter(self.weight.detach().clone())

    def forward(self, ids):
        return self.decoder(self.weight[ids])
