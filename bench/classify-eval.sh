#!/usr/bin/env bash
# Measures comment classification on real Vietnamese text, read where it lies (never copied):
#   bench/classify-eval.sh [ALQAC_QUESTIONS] [VSFC_DIR]
# ALQAC_QUESTIONS: a questions file in ALQAC 2023's format, with articles.json beside it
#   (default ../shared/data/eval/alqac2023/questions-dev.json); VSFC_DIR: a directory with
#   train/ and dev/, each with sents.txt and sentiments.txt/topics.txt, one line per sentence
#   (default ../shared/data/eval/uit-vsfc).
# Prints, for article retrieval, top-1/top-3 within the question's law and over the whole corpus
# for plain BM25 and ours; for sentiment and topic, accuracy and weighted F1 of a plain logistic
# regression and of ours (its recipe chosen by 5-fold cross-validation on train only, then
# measured once on dev). The last line:
#   alqac_top1=<ours> alqac_bm25_top1=<plain> vsfc_sentiment_wf1=<ours> vsfc_lr_wf1=<plain>
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
questions="${1:-$here/../shared/data/eval/alqac2023/questions-dev.json}"
vsfc="${2:-$here/../shared/data/eval/uit-vsfc}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
for needed in "$questions" "$(dirname "$questions")/articles.json" "$vsfc/train/sents.txt" "$vsfc/dev/sents.txt"; do
  [[ -e "$needed" ]] || { echo "missing: $needed" >&2; exit 2; }
done
cd "$here"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -DskipTests compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null
"$java" --add-modules jdk.incubator.vector -Djava.util.logging.config.file=/dev/null \
  -cp "target/classes:$(cat target/classpath.txt)" bench/ClassifyEval.java "$questions" "$vsfc"
